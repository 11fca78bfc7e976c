package dev.locreview.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body whose every read is seen before the handler gets it — counted, timed, checked — by the
 * filters that bound what a body may cost.
 */
public abstract class ObservedInputStream extends ServletInputStream {

    private final ServletInputStream in;

    protected ObservedInputStream(ServletInputStream in) {
        this.in = in;
    }

    /** Before each read; may refuse the body by throwing. */
    protected void beforeRead() throws IOException {
    }

    /** What one read returned (n bytes at off, or -1 at the end); may refuse the body by throwing. */
    protected abstract void observed(byte[] buffer, int off, int n) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        beforeRead();
        int n = in.read(buffer, off, len);
        observed(buffer, off, n);
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
