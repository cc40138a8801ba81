package com.walletcare.bff.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test that provokes a failure the service rightly logs as an ERROR (a refused partner token, a gateway that
 * resets the connection): during the test the console prints nothing, so that a green build shows no ERROR line, while
 * target/quarkus-test.log keeps every line for the tests that read it ({@link TestLog}). Use it with
 * {@code @ExtendWith(ExpectedErrorLog.class)} on such tests only: anywhere else an ERROR stays visible.
 */
public class ExpectedErrorLog implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace LEVELS = ExtensionContext.Namespace.create(ExpectedErrorLog.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Map<Handler, Level> levels = new java.util.IdentityHashMap<>();
        for (Handler console : consoles(LogContext.getLogContext().getLogger("").getHandlers(), new ArrayList<>())) {
            levels.put(console, console.getLevel());
            console.setLevel(Level.OFF);
        }
        context.getStore(LEVELS).put(context.getUniqueId(), levels);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        ((Map<Handler, Level>) context.getStore(LEVELS).remove(context.getUniqueId())).forEach(Handler::setLevel);
    }

    /** Console handlers, also where Quarkus wraps them (its delayed and async handlers). */
    private static List<Handler> consoles(Handler[] handlers, List<Handler> found) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler) {
                found.add(handler);
            } else if (handler instanceof ExtHandler nested) {
                consoles(nested.getHandlers(), found);
            }
        }
        return found;
    }
}
