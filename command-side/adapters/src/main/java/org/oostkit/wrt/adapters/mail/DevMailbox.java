package org.oostkit.wrt.adapters.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where mails go when no SMTP host is configured (the embedded run): kept in memory, newest first, the
 * last {@value #CAPACITY}, and shown at {@code /dev/mail}.
 */
public class DevMailbox implements MailTransport {

    public static final int CAPACITY = 500;

    private final Deque<MailMessage> mails = new ArrayDeque<>();

    @Override
    public synchronized void send(MailMessage message) {
        mails.addFirst(message);
        while (mails.size() > CAPACITY) {
            mails.removeLast();
        }
    }

    /** The kept mails, newest first. */
    public synchronized List<MailMessage> newestFirst() {
        return new ArrayList<>(mails);
    }

    synchronized void clear() {
        mails.clear();
    }
}
