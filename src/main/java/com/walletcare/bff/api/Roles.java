package com.walletcare.bff.api;

/** The three roles of the contract, as they arrive in the token's roles claim. */
public final class Roles {

    /** May search and read. */
    public static final String VIEWER = "care-viewer";
    /** May also unlock, activate and deactivate. */
    public static final String AGENT = "care-agent";
    /** May do everything an agent may, and is the only one who lifts a fraud hold (activate), on the record. */
    public static final String SUPERVISOR = "care-supervisor";

    private Roles() {
    }
}
