package dev.locreview.support;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Strict JSON: no silent guesses. Unknown fields, duplicate keys (which one would count?), numbers or
 * booleans where text belongs, text with unpaired surrogates (an escape such as <code>&#92;uD800</code>: not a character, and no
 * storage or log can hold it faithfully), and absurdly deep or long documents are refused, so the
 * client learns which field was wrong.
 */
@Configuration
public class JsonConfig {

    public static final int MAX_DEPTH = 32;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(JsonConfig::strict);
    }

    /** The same strictness for every mapper that reads applications (the API's, the CLI's, the casebook's). */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule wellFormed = new SimpleModule("well-formed-text") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new WellFormedFromString());
            }
        };
        mapper.registerModule(wellFormed.addDeserializer(String.class, new WellFormedText()));
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(1_000_000).maxNumberLength(100).build());
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** Strings as Jackson reads them, refused when they hold a surrogate without its pair. */
    static final class WellFormedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return check(super.deserialize(parser, context), context);
        }

        static String check(String text, DeserializationContext context) throws MalformedTextException {
            if (text != null && !wellFormed(text)) {
                throw new MalformedTextException(context.getParser());
            }
            return text;
        }

        private static boolean wellFormed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Values made from a JSON string by a creator (`CategoryRef.parse`) do not pass the String deserializer. */
    static final class WellFormedFromString extends ValueInstantiators.Base {

        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription description,
                                                       ValueInstantiator instantiator) {
            if (!instantiator.canCreateFromString()) {
                return instantiator;
            }
            return new ValueInstantiator.Delegating(instantiator) {
                @Override
                public Object createFromString(DeserializationContext context, String value) throws IOException {
                    return super.createFromString(context, WellFormedText.check(value, context));
                }
            };
        }
    }

    /** Text that is not a sequence of Unicode characters; its path names the field. */
    public static final class MalformedTextException extends JsonMappingException {
        MalformedTextException(JsonParser parser) {
            super(parser, "not well-formed text: a UTF-16 surrogate without its pair (such as \\uD800)");
        }
    }
}
