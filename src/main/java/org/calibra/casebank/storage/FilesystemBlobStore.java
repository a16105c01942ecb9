package org.calibra.casebank.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Blobs as files under a folder ({@code calibra.storage.blob-dir}), the embedded default. Writes go to a temporary file
 * first and are moved into place, so a crash never leaves a half-written blob under its final name.
 */
public class FilesystemBlobStore implements BlobStore {

    private final Path root;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), sha256, ".part");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store blob " + sha256 + " under " + root, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public Optional<Blob> open(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path p = pathOf(sha256);
        try {
            return Optional.of(new FileBlob(sha256, p, Files.size(p)));
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    @Override
    public String location() {
        return "the folder " + root;
    }

    private Path pathOf(String sha256) {
        return root.resolve(BlobStore.key(sha256));
    }

    private record FileBlob(String sha256, Path file, long length) implements Blob {

        @Override
        public InputStream openStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public InputStream openRange(long offset, long length) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            InputStream in = Channels.newInputStream(channel);
            return new InputStream() { // stops after the range; closing closes the channel
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = in.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = in.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        @Override
        public Optional<Path> localFile() {
            return Optional.of(file);
        }
    }
}
