package com.walkrx.base.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Writes RFC 9457 problem details from the security filters, before any controller runs. */
@Component
public class ApiProblemWriter {

    public void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        write(response, status, title, detail, null);
    }

    /** A problem with a machine-readable {@code code} (e.g. MFA_REQUIRED); the texts are constants, not input. */
    public void write(HttpServletResponse response, int status, String title, String detail, String code)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}");
    }
}
