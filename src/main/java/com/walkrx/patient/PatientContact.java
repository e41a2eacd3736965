package com.walkrx.patient;

/** How the care team reaches a patient; every part may be null. */
public record PatientContact(String phone, String email, String emergencyContactName, String emergencyContactPhone) {

    public static final PatientContact NONE = new PatientContact(null, null, null, null);

    /** A phone number as a {@code tel:} link target: digits and a leading +, nothing else. */
    public static String telHref(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        return "tel:" + (digits.startsWith("+") ? "+" + digits.substring(1).replace("+", "") : digits.replace("+", ""));
    }
}
