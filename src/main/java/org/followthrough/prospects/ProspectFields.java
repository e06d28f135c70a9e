package org.followthrough.prospects;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A prospect as a person or a file describes them, before FollowThrough checks and normalises it:
 * the body of {@code POST /api/v1/prospects} and one row of an import. {@code region} is the region
 * within the country (ISO 3166-2 such as {@code US-AK}, the part after the country such as {@code AK},
 * or its name); a request may call it {@code state}.
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
        @JsonAlias("state") String region,
        String timeZone,
        String decisionRole,
        String owner,
        Boolean doNotCall,
        Boolean emailOptOut) {

    /** A prospect whose region is not told. */
    public ProspectFields(
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
            Boolean emailOptOut) {
        this(
                fullName,
                title,
                email,
                phone,
                company,
                companyDomain,
                industry,
                country,
                null,
                timeZone,
                decisionRole,
                owner,
                doNotCall,
                emailOptOut);
    }
}
