package com.walletcare.bff.api;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;

/**
 * How this API reads every request body, whichever resource takes it: exactly as written, or not at all. A number or
 * boolean where a string is expected, anything after the JSON value, a key given twice, a number for an enum: each is
 * a 400, where Jackson's defaults would coerce, ignore or keep the last. And in UTF-8 only (see {@link Utf8Only}): a
 * body in another encoding is a 415 whatever its Content-Type said. Server side only: the REST client reading the
 * gateway's answers keeps the global, lenient ObjectMapper, which is copied here, never changed.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    StrictJson(ObjectMapper global) {
        strict = global.copyWith(new Utf8Only(global.getFactory()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        strict.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /**
     * Reads bytes as UTF-8 or not at all. Jackson reads a byte stream in whichever encoding its first bytes suggest
     * (UTF-16 or UTF-32, with or without a byte order mark: RFC 4627's rule), whatever the Content-Type said, and
     * {@link RequestBodyType} sees only the Content-Type: so a UTF-16 body labelled {@code application/json} was read,
     * and UCS-4 in an odd byte order was a 500. Both are refused here as a labelled {@code charset=utf-16} is, a 415.
     * Jackson's own detection decides, which it runs for every body anyway: a UTF-8 body is neither copied nor read
     * twice. A UTF-8 byte order mark stays ignored, as RFC 8259 (8.1) allows: the body is still UTF-8.
     *
     * <p>Only the stream variant: Quarkus REST hands the reader an InputStream; the byte-array and DataInput variants
     * are not used for request bodies.
     */
    private static final class Utf8Only extends JsonFactory {

        static final String DETAIL = "This service reads JSON in UTF-8 only: encode the body in UTF-8.";

        Utf8Only(JsonFactory source) {
            super(source, null);
        }

        @Override
        public JsonFactory copy() {
            _checkInvalidCopy(Utf8Only.class);
            return new Utf8Only(this);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
            JsonParser parser;
            try {
                parser = super._createParser(in, context);
            } catch (CharConversionException e) {
                // The only one the encoding detection throws: four bytes that look like UCS-4 in a byte order Jackson
                // does not read (2143 or 3412).
                throw new RequestRefusedException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, DETAIL);
            }
            // Null where detection is off (JsonFactory.Feature.CHARSET_DETECTION): then everything is read as UTF-8.
            JsonEncoding encoding = context.getEncoding();
            if (encoding != null && encoding != JsonEncoding.UTF8) {
                parser.close();
                throw new RequestRefusedException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, DETAIL);
            }
            return parser;
        }
    }
}
