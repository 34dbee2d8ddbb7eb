package dev.spindle.asyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * The future {@link Asyncio#gather} returns (CPython's {@code _GatheringFuture}): the children's
 * results in their order; cancelling it cancels every child that is not done.
 */
final class Gathering<T> extends Future<List<T>> {
    private final List<? extends Future<? extends T>> children;
    private boolean cancelRequested;

    private Gathering(EventLoop loop, List<? extends Future<? extends T>> children) {
        super(loop);
        this.children = children;
    }

    static <T> Future<List<T>> of(EventLoop loop, List<? extends Future<? extends T>> children, boolean returnExceptions) {
        Gathering<T> outer = new Gathering<>(loop, List.copyOf(children));
        if (children.isEmpty()) {
            outer.setResult(List.of());
            return outer;
        }
        int[] finished = {0};
        for (Future<? extends T> child : children) {
            child.addDoneCallback(done -> outer.childDone(done, ++finished[0], returnExceptions));
        }
        return outer;
    }

    private void childDone(Future<? extends T> child, int finished, boolean returnExceptions) {
        if (done()) {
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled()) {
                setException(child.cancelledError());
                return;
            }
            if (child.exception() != null) {
                setException(child.exception());
                return;
            }
        }
        if (finished < children.size()) {
            return;
        }
        if (cancelRequested) {
            setException(new CancelledError(null));
            return;
        }
        setResult(results());
    }

    @SuppressWarnings("unchecked")
    private List<T> results() {
        List<T> results = new ArrayList<>(children.size());
        for (Future<? extends T> child : children) {
            // with returnExceptions a failure takes the place of its result, as in Python
            Object outcome = child.cancelled() ? child.cancelledError() : child.exception() != null ? child.exception() : child.resultNow();
            results.add((T) outcome);
        }
        return results;
    }

    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        boolean any = false;
        for (Future<? extends T> child : children) {
            any |= child.cancel(message);
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }
}
