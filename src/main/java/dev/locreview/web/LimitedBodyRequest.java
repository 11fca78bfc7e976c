package dev.locreview.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body fails as it is read: past the size limit (when sent without Content-Length),
 * after the deadline, or, for text, at the first byte that is not well-formed UTF-8.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final long deadlineNanos;
    private final boolean utf8;

    LimitedBodyRequest(HttpServletRequest request, long limit, long deadlineNanos, boolean utf8) {
        super(request);
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
        this.utf8 = utf8;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        ServletInputStream in = super.getInputStream();
        Utf8Check check = utf8 ? new Utf8Check() : null;
        return new ObservedInputStream(in) {
            private long read;

            @Override
            protected void beforeRead() throws IOException {
                if (System.nanoTime() - deadlineNanos > 0) {
                    throw new BodyTooSlowException();
                }
            }

            @Override
            protected void observed(byte[] buffer, int off, int n) throws IOException {
                if (n > 0) {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                }
                if (check != null) {
                    check.feed(buffer, off, n);
                }
            }
        };
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException() {
            super("the body did not arrive in time");
        }
    }

    static final class InvalidUtf8Exception extends IOException {
        InvalidUtf8Exception(long offset) {
            super("the body is not well-formed UTF-8 (byte " + offset + ")");
        }
    }

    /** Decodes as the bytes stream past, strictly: overlong forms, surrogates and truncated sequences fail. */
    private static final class Utf8Check {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer scratch = CharBuffer.allocate(1024);
        private byte[] carry = new byte[0];
        private long offset;

        /** n < 0 is the end of the body. */
        void feed(byte[] bytes, int off, int n) throws InvalidUtf8Exception {
            if (n < 0) {
                if (carry.length > 0) {
                    throw new InvalidUtf8Exception(offset);
                }
                return;
            }
            ByteBuffer in = ByteBuffer.allocate(carry.length + n).put(carry).put(bytes, off, n).flip();
            while (true) {
                scratch.clear();
                CoderResult result = decoder.decode(in, scratch, false);
                if (result.isError()) {
                    throw new InvalidUtf8Exception(offset + in.position());
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            offset += in.position();
            carry = new byte[in.remaining()];
            in.get(carry);
        }
    }
}
