package io.dicomreg.apps.credentials;

import java.nio.file.Path;
import java.util.List;

/**
 * Names files in a sentence: {@code a}, {@code a and b}, {@code a, b and c}.
 */
final class FileLists {

	private FileLists() {
	}

	static String of(List<Path> files) {
		List<String> names = files.stream().map(Path::toString).toList();
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

}
