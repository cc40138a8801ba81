package com.walletcare.bff.api;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import com.walletcare.bff.care.ActionResult;
import com.walletcare.bff.customer.Customer;

/**
 * Versions as HTTP entity tags (RFC 9110 §8.8.3, §13.1.1): a customer's {@code version}, quoted, is the strong ETag of
 * GET /customers/{id} and of every 200 change answer; a change's If-Match is read here into the versions it names.
 */
@Provider
public class EntityTags implements ContainerResponseFilter {

    static final String ETAG_DOC = "The customer's version, quoted: send it as If-Match on a change to make it only if the "
            + "wallet is still as shown.";
    static final String IF_MATCH_DOC = "The version (ETag) of the wallet as your screen shows it: the change is made only "
            + "if the wallet still is that version, else 412 PRECONDITION_FAILED with the wallet as it is, and nothing is "
            + "sent to the gateway. \"*\" matches any existing wallet. Without it, no condition.";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // Only GET /customers/{id} answers a bare Customer, and only a change an ActionResult.
        Customer customer = response.getEntity() instanceof Customer one ? one
                : response.getEntity() instanceof ActionResult result ? result.customer() : null;
        if (customer != null && response.getStatus() == 200) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, "\"" + customer.version() + "\"");
        }
    }

    /**
     * The versions an If-Match names: null without the header; {"*"} for any. Weak tags never match (strong
     * comparison, RFC 9110 §13.1.1), so they are left out; a value that is not a list of entity tags is a 400.
     */
    static Set<String> ifMatch(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank()) {
            throw InvalidRequestException.of("If-Match", "An If-Match header is \"*\" or a list of quoted versions.");
        }
        Set<String> versions = new LinkedHashSet<>();
        for (String tag : header.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*")) {
                versions.add("*");
            } else if (trimmed.matches("(W/)?\"[\\x21\\x23-\\x7e]*\"")) {
                if (!trimmed.startsWith("W/")) {
                    versions.add(trimmed.substring(1, trimmed.length() - 1));
                }
            } else {
                throw InvalidRequestException.of("If-Match", "An If-Match header is \"*\" or a list of quoted versions.");
            }
        }
        return versions;
    }
}
