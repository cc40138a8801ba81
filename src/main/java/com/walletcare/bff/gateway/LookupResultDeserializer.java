package com.walletcare.bff.gateway;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Streams the lookup answer field by field. The gateway's own sample repeats the {@code customerLookUpInfo} key,
 * one record under each copy; a tree or bean binding would keep only the last copy and silently lose customers,
 * so every copy's records are appended. The key is matched case-insensitively ({@code customerLookupInfo} in
 * the prose docs).
 */
class LookupResultDeserializer extends StdDeserializer<LookupResponse.Result> implements ResolvableDeserializer {

    /** Found once, when Jackson sets this deserializer up: looked up per answer, a record list is introspected again. */
    private JsonDeserializer<Object> statusReader;
    private JsonDeserializer<Object> recordsReader;

    LookupResultDeserializer() {
        super(LookupResponse.Result.class);
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        statusReader = context.findRootValueDeserializer(context.constructType(GatewayStatus.class));
        recordsReader = context.findRootValueDeserializer(
                context.getTypeFactory().constructCollectionType(List.class, CustomerLookUpInfo.class));
    }

    @Override
    public LookupResponse.Result deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (LookupResponse.Result) context.handleUnexpectedToken(LookupResponse.Result.class, parser);
        }
        GatewayStatus status = null;
        List<CustomerLookUpInfo> customers = new ArrayList<>();
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            if ("status".equals(field)) {
                status = (GatewayStatus) statusReader.deserialize(parser, context);
            } else if ("customerLookUpInfo".equalsIgnoreCase(field) && value == JsonToken.START_ARRAY) {
                @SuppressWarnings("unchecked")
                List<CustomerLookUpInfo> records = (List<CustomerLookUpInfo>) recordsReader.deserialize(parser, context);
                customers.addAll(records);
            } else {
                parser.skipChildren();
            }
        }
        return new LookupResponse.Result(status, customers);
    }
}
