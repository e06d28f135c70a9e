package org.followthrough.team;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are kept.
 *
 * @param bcryptStrength bcrypt's cost factor: each step doubles the work of checking one password
 *     (default 12)
 */
@ConfigurationProperties("followthrough.security")
record PasswordSettings(@DefaultValue("12") int bcryptStrength) {}
