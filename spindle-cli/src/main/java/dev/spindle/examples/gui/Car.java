package dev.spindle.examples.gui;

import java.awt.Color;
import java.awt.Graphics;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One of the seed's cars: an 80×40 box that moves right 1–10 px a frame until its front reaches
 * the finish line at x = 950. Moved by the background thread, read by the painter: its state is
 * volatile, and it keeps the smallest and largest step it took.
 */
final class Car {
    static final int WIDTH = 80;
    static final int FINISH = 950;

    private final int y;
    private final Color color;
    private volatile int x;
    private volatile int smallestStep = Integer.MAX_VALUE;
    private volatile int largestStep = 0;

    Car(int x, int y, Color color) {
        this.x = x;
        this.y = y;
        this.color = color;
    }

    /** Called by one thread only (the mover). */
    void move() {
        if (x + WIDTH < FINISH) {
            int step = ThreadLocalRandom.current().nextInt(1, 11);
            x += step;
            smallestStep = Math.min(smallestStep, step);
            largestStep = Math.max(largestStep, step);
        }
    }

    boolean finished() {
        return x + WIDTH >= FINISH;
    }

    void draw(Graphics screen) {
        screen.setColor(color);
        screen.fillRect(x, y, WIDTH, 40);
    }

    int x() {
        return x;
    }

    int y() {
        return y;
    }

    Color color() {
        return color;
    }

    int smallestStep() {
        return smallestStep;
    }

    int largestStep() {
        return largestStep;
    }
}
