package com.walletcare.bff.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AudienceGuardTest {

    private final AudienceGuard guard = new AudienceGuard();

    @Test
    void anEmptyAudienceVariableStopsTheStartAndSaysWhatToDo() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> guard.check(null, true, Optional.empty()));
        assertTrue(refused.getMessage().contains("QUARKUS_OIDC_TOKEN_AUDIENCE"), refused.getMessage());
    }

    @Test
    void theClientIdOtherAudiencesAndAnExplicitAnyStart() {
        assertDoesNotThrow(() -> guard.check(null, true, Optional.of(List.of("wallet-care-bff"))));
        assertDoesNotThrow(() -> guard.check(null, true, Optional.of(List.of("care-api", "wallet-care-bff"))));
        assertDoesNotThrow(() -> guard.check(null, true, Optional.of(List.of("any"))));
    }

    @Test
    void withoutAnIdentityProviderThereIsNothingToGuard() {
        assertDoesNotThrow(() -> guard.check(null, false, Optional.empty()));
    }
}
