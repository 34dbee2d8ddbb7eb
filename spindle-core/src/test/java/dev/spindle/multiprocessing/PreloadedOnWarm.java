package dev.spindle.multiprocessing;

/** A class whose initializer leaves a mark: what {@link WarmPreloadTest} preloads. */
final class PreloadedOnWarm {
    static {
        System.setProperty(WarmPreloadTest.MARK, "initialized before the target");
    }

    private PreloadedOnWarm() {}
}
