package dev.spindle.examples.gui;

import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.examples.threading.Threads;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.JPanel;

/**
 * Five cars race on a background daemon thread that moves them every 50 ms and asks for a
 * repaint. The seed's thread draws itself, from a non-main thread; in Swing the mover only changes
 * the model and calls {@code repaint()}, which is safe from any thread, and the event thread
 * paints. The seed's mover loops for ever; the port waits until every car has stopped, shows the
 * finish, and "closes the window": the daemon mover is still running, and dies with the program.
 * Without a display the race runs the same and one frame is painted off screen.
 */
public final class GuiPygameCars extends Example {
    public GuiPygameCars() {
        super("gui-pygame-cars", "five cars moved by a background daemon thread; each stops at the finish line");
    }

    /** The race track: the start and finish lines, and the cars. */
    static final class Track extends JPanel {
        private static final long serialVersionUID = 1L;
        private final transient List<Car> cars;

        Track(List<Car> cars) {
            this.cars = cars;
            setPreferredSize(new Dimension(1000, 600));
            setBackground(new Color(242, 242, 242));
        }

        @Override
        protected void paintComponent(Graphics screen) {
            super.paintComponent(screen);
            Graphics2D g = (Graphics2D) screen;
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4));
            g.drawLine(130, 0, 130, 600);
            g.drawLine(Car.FINISH, 0, Car.FINISH, 600);
            cars.forEach(car -> car.draw(g));
        }
    }

    @Override
    public void run(String... args) throws Exception {
        List<Car> cars = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            cars.add(new Car(50, 50 + 120 * index, new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256))));
        }
        Track screen = new Track(cars);
        JFrame[] window = new JFrame[1];
        EventQueue.invokeAndWait(() -> {
            if (!GraphicsEnvironment.isHeadless()) {
                window[0] = new JFrame("cars");
                window[0].add(screen);
                window[0].pack();
                window[0].setVisible(true);
            }
        });
        CountDownLatch allFinished = new CountDownLatch(1);
        int[] frames = {0};
        Thread backgroundTask = Thread.ofPlatform().daemon().name("BackgroundTask").start(Threads.uninterrupted(() -> {
            while (true) {
                screen.repaint();
                Speed.sleep(0.05);
                cars.forEach(Car::move);
                if (allFinished.getCount() > 0) {
                    frames[0]++;
                    if (cars.stream().allMatch(Car::finished)) {
                        allFinished.countDown();
                    }
                }
            }
        }));
        if (!allFinished.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the cars did not all finish within 60 s");
        }
        System.out.println("every car stopped after %d frames:".formatted(frames[0]));
        for (Car car : cars) {
            System.out.println("  car at y=%d: x=%d (front at %d), steps of %d..%d px".formatted(
                    car.y(), car.x(), car.x() + Car.WIDTH, car.smallestStep(), car.largestStep()));
        }
        System.out.println("cars painted in the last frame: %d of 5".formatted(paintedCars(screen, cars)));
        EventQueue.invokeAndWait(() -> {
            if (window[0] != null) {
                window[0].dispose();
            }
        });
        System.out.println("window closed; the daemon mover is still alive: %s (it dies with the program)".formatted(
                backgroundTask.isAlive()));
    }

    /** Paints the track off screen on the event thread and counts the cars whose colour shows where they are. */
    private static long paintedCars(Track screen, List<Car> cars) throws Exception {
        BufferedImage frame = new BufferedImage(1000, 600, BufferedImage.TYPE_INT_RGB);
        EventQueue.invokeAndWait(() -> {
            screen.setSize(1000, 600);
            Graphics g = frame.createGraphics();
            screen.paint(g);
            g.dispose();
        });
        return cars.stream().filter(car -> frame.getRGB(car.x() + Car.WIDTH / 2, car.y() + 20) == car.color().getRGB()).count();
    }
}
