package dev.locreview.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body (sent without Content-Length) fails once it passes the limit. */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;

    LimitedBodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        ServletInputStream in = super.getInputStream();
        return new ServletInputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = in.read(buffer, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                    throw new BodyTooLargeException(limit);
                }
            }

            @Override
            public boolean isFinished() { return in.isFinished(); }
            @Override
            public boolean isReady() { return in.isReady(); }
            @Override
            public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
        };
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }
}
