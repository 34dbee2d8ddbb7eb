package dev.spindle.examples.sync;

import dev.spindle.Spindle;
import dev.spindle.examples.Example;
import dev.spindle.examples.Speed;
import dev.spindle.multiprocessing.ChildProcess;
import dev.spindle.sync.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An Event is a traffic light that a process toggles every 10 s. Five police cars wait at most
 * 1 s for it, then leave while it is still red. The seed's ordinary cars, which wait until the
 * light is green, are commented out there; an argument runs that many of them here. The light never
 * stops: where CPython's program runs until it is killed, this one terminates the light once the
 * cars have gone.
 */
public final class MpEventTrafficLight extends Example {
    public MpEventTrafficLight() {
        super("mp-event-traffic-light", "an Event as a traffic light: police cars wait(1) and leave on red; cars wait for green");
    }

    static void car(Event e, int n) throws Exception {
        while (true) {
            if (!e.isSet()) {
                System.out.println("红灯亮，car" + n + "等着");
                e.await();
                System.out.println("车" + n + " 看见绿灯亮了 (灯的是" + (e.isSet() ? "True" : "False") + ")");
                Speed.sleep(ThreadLocalRandom.current().nextInt(3, 7));
                if (!e.isSet()) {
                    continue;
                }
                System.out.println("走你,car " + n);
                break;
            }
            Thread.onSpinWait(); // green already: the seed's loop spins until red
        }
    }

    static void policeCar(Event e, int n) throws Exception {
        while (true) {
            if (!e.isSet()) {
                System.out.println("红灯亮，car" + n + "等着");
                e.await(Duration.ofMillis(Math.round(1000 * Speed.factor())));
                System.out.println("灯的是" + (e.isSet() ? "True" : "False") + "，警车走了,car " + n);
                break;
            }
            Thread.onSpinWait(); // the seed busy-loops while the light is green
        }
    }

    static void trafficLights(Event e, int interval) throws Exception {
        while (true) {
            Speed.sleep(interval);
            if (e.isSet()) {
                e.clear();
                System.out.println("红灯");
            } else {
                System.out.println("绿灯");
                e.set();
            }
        }
    }

    @Override
    public void run(String... args) throws Exception {
        int cars = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Event e = Spindle.event();
        List<ChildProcess> vehicles = new ArrayList<>();
        for (int i = 0; i < cars; i++) {
            vehicles.add(new ChildProcess(MpEventTrafficLight::car, e, i));
        }
        for (int i = 0; i < 5; i++) {
            vehicles.add(new ChildProcess(MpEventTrafficLight::policeCar, e, i));
        }
        for (ChildProcess p : vehicles) {
            p.start();
        }
        ChildProcess t = new ChildProcess(MpEventTrafficLight::trafficLights, e, 10);
        t.start();
        System.out.println("============》");
        for (ChildProcess p : vehicles) {
            p.join();
        }
        System.out.println("the light never stops (CPython's program runs until killed): terminating it");
        t.terminate();
        t.join();
    }
}
