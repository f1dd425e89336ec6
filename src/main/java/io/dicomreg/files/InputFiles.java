package io.dicomreg.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file the user named, whole but bounded: it must be a regular file (a FIFO would block
 * forever, {@code /dev/zero} never ends) no larger than the bound the caller gives.
 */
public final class InputFiles {

	private InputFiles() {
	}

	/**
	 * The bytes of {@code file}.
	 * @param maxBytes the most it may hold
	 * @throws InputFileException saying why it cannot be read
	 */
	public static byte[] read(Path file, long maxBytes) throws InputFileException {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(InputFileException.Problem.MISSING, file, maxBytes, ex);
		}
		catch (IOException | SecurityException ex) {
			throw new InputFileException(InputFileException.Problem.UNREADABLE, file, maxBytes, ex);
		}
		if (attributes.isDirectory()) {
			throw new InputFileException(InputFileException.Problem.FOLDER, file, maxBytes, null);
		}
		if (!attributes.isRegularFile()) {
			throw new InputFileException(InputFileException.Problem.NOT_A_FILE, file, maxBytes, null);
		}
		if (attributes.size() > maxBytes) {
			throw new InputFileException(InputFileException.Problem.TOO_LARGE, file, maxBytes, null);
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (content.length > maxBytes) {
				throw new InputFileException(InputFileException.Problem.TOO_LARGE, file, maxBytes, null);
			}
			return content;
		}
		catch (IOException | SecurityException ex) {
			throw new InputFileException(InputFileException.Problem.UNREADABLE, file, maxBytes, ex);
		}
	}

	/**
	 * The text of {@code file}, which must be UTF-8.
	 * @throws InputFileException saying why it cannot be read, or that it is not UTF-8 text
	 */
	public static String readText(Path file, long maxBytes) throws InputFileException {
		byte[] content = read(file, maxBytes);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InputFileException(InputFileException.Problem.NOT_TEXT, file, maxBytes, ex);
		}
	}

}
