package com.walletcare.bff.api;

import java.lang.reflect.Type;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;

/**
 * How this API reads request bodies (its resources' {@code @CustomDeserialization}): exactly as written, or not at
 * all. A number or boolean where a string is expected, anything after the JSON value, a key given twice, a number
 * for an enum: each is a 400, where Jackson's defaults would coerce, ignore or keep the last. The global ObjectMapper,
 * which also reads the gateway's answers, is copied, never changed: the gateway stays read leniently.
 */
public class StrictJson implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper global, Type type) {
        ObjectMapper strict = global.copy();
        strict.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict.readerFor(strict.constructType(type))
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
