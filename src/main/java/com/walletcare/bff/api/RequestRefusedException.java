package com.walletcare.bff.api;

/**
 * A request refused at the HTTP edge, before routing (see {@code api.HttpEdge}); the router's failure handler in
 * {@link ProblemMapper} answers it as {@code code} with {@code detail}.
 */
public class RequestRefusedException extends RuntimeException {

    private final ProblemCode code;

    public RequestRefusedException(ProblemCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
