package com.walletcare.bff.api;

import java.util.regex.Pattern;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.walletcare.bff.customer.RequestTrace;

/** The HTTP parameters of every per-customer operation: the customer id from the path, and the request id to trace it by. */
public class CustomerParams {

    static final String REQUEST_ID_DOC = "Trace id: kept when given (1-64 of A-Z a-z 0-9 . _ : -), generated "
            + "otherwise, always echoed, and the prefix of every gateway messageId this request causes";
    /** The shape of a gateway customerId, checked in paths and in search criteria alike. */
    static final String CUSTOMER_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    static final Pattern CUSTOMER_ID = Pattern.compile(CUSTOMER_ID_PATTERN);

    @PathParam("id")
    @Parameter(description = "The gateway's customerId", example = "vmiTxZcaSEym",
            schema = @Schema(type = SchemaType.STRING, pattern = CUSTOMER_ID_PATTERN))
    String id;

    @HeaderParam(RequestIdFilter.HEADER)
    @Parameter(description = REQUEST_ID_DOC)
    String requestId;

    /** The id, checked before anything reaches the gateway. */
    String customerId() {
        if (!CUSTOMER_ID.matcher(id).matches()) {
            throw InvalidRequestException.of("id", "A customer id has 1 to 64 letters, digits, '-' or '_'.");
        }
        return id;
    }

    RequestTrace trace() {
        return new RequestTrace(requestId);
    }
}
