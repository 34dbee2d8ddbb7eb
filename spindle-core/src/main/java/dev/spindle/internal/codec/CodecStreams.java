package dev.spindle.internal.codec;

import dev.spindle.internal.travel.Travel;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * JDK object streams that also carry what Java programs pass around but the JDK does not
 * serialize: shareable objects travel as their registered forms ({@link Travel}); paths of the
 * default file system cross as their string, and are paths again on arrival (Python pickles its
 * paths; a Java user should not have to convert them).
 */
final class CodecStreams {
    private CodecStreams() {}

    /** A default-file-system path in transit. */
    private record PathForm(String path) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    static final class Output extends ObjectOutputStream {
        Output(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            Object form = Travel.depart(obj);
            if (form != obj) {
                return form;
            }
            if (obj instanceof Path path && path.getFileSystem() == FileSystems.getDefault()) {
                return new PathForm(path.toString());
            }
            return obj;
        }
    }

    static final class Input extends ObjectInputStream {
        Input(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            return obj instanceof PathForm form ? Path.of(form.path()) : Travel.arrive(obj);
        }
    }
}
