package com.walletcare.bff.gateway;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Streams the lookup answer field by field. The gateway's own sample repeats the {@code customerLookUpInfo} key,
 * one record under each copy; a tree or bean binding would keep only the last copy and silently lose customers,
 * so every copy's records are appended. The key is matched case-insensitively ({@code customerLookupInfo} in
 * the prose docs).
 */
class LookupResultDeserializer extends StdDeserializer<LookupResponse.Result> {

    LookupResultDeserializer() {
        super(LookupResponse.Result.class);
    }

    @Override
    public LookupResponse.Result deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (LookupResponse.Result) context.handleUnexpectedToken(LookupResponse.Result.class, parser);
        }
        JavaType recordList = context.getTypeFactory().constructCollectionType(List.class, CustomerLookUpInfo.class);
        GatewayStatus status = null;
        List<CustomerLookUpInfo> customers = new ArrayList<>();
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            if ("status".equals(field)) {
                status = context.readValue(parser, GatewayStatus.class);
            } else if ("customerLookUpInfo".equalsIgnoreCase(field) && value == JsonToken.START_ARRAY) {
                List<CustomerLookUpInfo> records = context.readValue(parser, recordList);
                customers.addAll(records);
            } else {
                parser.skipChildren();
            }
        }
        return new LookupResponse.Result(status, customers);
    }
}
