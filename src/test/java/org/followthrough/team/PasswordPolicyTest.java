package org.followthrough.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "short",
                "elevenchars",
                "password1234",
                "123456789012",
                "qwertyuiop123",
                "iloveyou1234",
                "Password123!",
                "aaaaaaaaaaaaaaaa"
            })
    void refusesShortAndCommonPasswords(String password) {
        assertThat(policy.problemWith(password, "dana@example.com")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Violet-Harbour-Lantern-73", "amber otter climbs quietly", "t7#Kq9!vLm2@xR"})
    void acceptsLongUncommonPasswords(String password) {
        assertThat(policy.problemWith(password, "dana@example.com")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesAPasswordBuiltFromTheEmail() {
        assertThat(policy.problemWith("danaschmidt-2026-xyz", "danaschmidt@example.com"))
                .hasValueSatisfying(p -> assertThat(p).contains("email"));
    }
}
