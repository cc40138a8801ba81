package com.walletcare.bff.api;

/** The two roles of the contract, as they arrive in the token's roles claim. */
public final class Roles {

    /** May search and read. */
    public static final String VIEWER = "care-viewer";
    /** May also unlock, activate and deactivate. */
    public static final String AGENT = "care-agent";

    private Roles() {
    }
}
