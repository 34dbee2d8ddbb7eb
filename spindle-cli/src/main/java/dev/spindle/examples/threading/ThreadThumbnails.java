package dev.spindle.examples.threading;

import dev.spindle.examples.Example;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * For each images/*.png and each size 32, 64 and 128, a thread writes a thumbnail into
 * thumbnails/ that fits size×size and keeps the aspect ratio (PIL's {@code thumbnail}, which never
 * enlarges). ImageIO stands in for Pillow and works headless; the input images are drawn at run
 * time in a temporary folder. Python's program ends once its non-daemon threads do; here the main
 * thread joins them. The seed's output name has a double dot ("x_32_32..png"); the port's has one.
 */
public final class ThreadThumbnails extends Example {
    private static final String PREFIX = "thumbnails";

    public ThreadThumbnails() {
        super("thread-thumbnails", "one thread per image and size writes a thumbnail that fits, aspect kept");
    }

    /** 生成指定图片文件的缩略图. */
    static void generateThumbnail(Path infile, int size, Path outDir) throws IOException {
        String file = infile.getFileName().toString().replaceFirst("\\.png$", "");
        Path outfile = outDir.resolve("%s_%d_%d.png".formatted(file, size, size));
        BufferedImage img = ImageIO.read(infile.toFile());
        double scale = Math.min(1.0, Math.min((double) size / img.getWidth(), (double) size / img.getHeight()));
        int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        ImageIO.write(thumb, "PNG", outfile.toFile());
        System.out.println("%s/%s %dx%d (from %dx%d)".formatted(PREFIX, outfile.getFileName(), w, h,
                img.getWidth(), img.getHeight()));
    }

    private static void drawImage(Path file, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ImageIO.write(img, "PNG", file.toFile());
    }

    @Override
    public void run(String... args) throws Exception {
        Path root = Files.createTempDirectory("spindle-thumbnails-");
        Path images = Files.createDirectory(root.resolve("images"));
        drawImage(images.resolve("wide.png"), 300, 200);
        drawImage(images.resolve("tall.png"), 100, 400);
        drawImage(images.resolve("small.png"), 20, 10);
        Path outDir = Files.createDirectory(root.resolve(PREFIX));
        List<Thread> threads = new ArrayList<>();
        try (DirectoryStream<Path> pngs = Files.newDirectoryStream(images, "*.png")) {
            for (Path infile : pngs) {
                for (int size : new int[] {32, 64, 128}) {
                    threads.add(Thread.ofPlatform().start(() -> { // 创建并启动线程
                        try {
                            generateThumbnail(infile, size, outDir);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
                }
            }
        }
        Threads.joinAll(threads);
        try (var files = Files.list(outDir)) {
            System.out.println(files.count() + " thumbnails in " + outDir);
        }
    }
}
