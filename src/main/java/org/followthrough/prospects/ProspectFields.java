package org.followthrough.prospects;

/**
 * A prospect as a person or a file describes them, before FollowThrough checks and normalises it:
 * the body of {@code POST /api/v1/prospects} and one row of an import.
 */
public record ProspectFields(
        String fullName,
        String title,
        String email,
        String phone,
        String company,
        String companyDomain,
        String industry,
        String country,
        String timeZone,
        String decisionRole,
        String owner,
        Boolean doNotCall,
        Boolean emailOptOut) {}
