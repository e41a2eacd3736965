#!/bin/bash
# Runs once, when the postgres container initialises its volume: the schema owner (Flyway migrates as it) and
# the app's own login, which owns nothing and gets only the grants of afterMigrate.sql (README "Database roles").
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_pw="$WALKRX_DB_OWNER_PASSWORD" -v app_pw="$WALKRX_DB_APP_PASSWORD" <<'SQL'
create role walkrx_owner login password :'owner_pw';
create role walkrx_app login password :'app_pw';
create database walkrx owner walkrx_owner;
\connect walkrx
alter schema public owner to walkrx_owner;
revoke create on schema public from public;
SQL
