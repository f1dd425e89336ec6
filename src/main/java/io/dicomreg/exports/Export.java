package io.dicomreg.exports;

import java.nio.file.Path;

/**
 * A hand-off file made.
 *
 * @param format its format
 * @param content its text, shown when no file was asked for; never holding a secret then
 * @param file where it was written, or {@code null}
 * @param includesSecret whether it holds the client secret (then the file is readable by its owner only)
 * @param variables the names it sets, for the summary
 */
public record Export(ExportFormat format, String content, Path file, boolean includesSecret,
		java.util.List<String> variables) {
}
