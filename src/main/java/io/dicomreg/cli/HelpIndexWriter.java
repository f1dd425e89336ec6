package io.dicomreg.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import io.dicomreg.DicomregApplication;
import io.dicomreg.cli.catalogue.CommandCatalogue;
import io.dicomreg.cli.catalogue.CommandSpec;

/**
 * Writes the help texts at build time, from the command catalogue of the command classes, for
 * {@link PrintedHelp}: the overview, each command's usage under its name and aliases, and the list
 * of each group of commands. Run by the build (process-classes) with the classes folder as argument.
 */
public final class HelpIndexWriter {

	private HelpIndexWriter() {
	}

	public static void main(String[] args) throws IOException {
		Path classes = Path.of(args[0]);
		Path file = classes.resolve(PrintedHelp.RESOURCE.substring(1));
		Files.createDirectories(file.getParent());
		CommandCatalogue catalogue = catalogue();
		Files.write(classes.resolve(PrintedHelp.CONNECTING.substring(1)), connecting(catalogue), StandardCharsets.UTF_8);
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("# Written at build time from the command catalogue by " + HelpIndexWriter.class.getName()
					+ "; do not edit.\n");
			for (var entry : texts(catalogue).entrySet()) {
				out.write(escape(entry.getKey(), true) + "=" + escape(entry.getValue(), false) + "\n");
			}
		}
	}

	/** The catalogue of the command classes, found as the application's component scan finds them. */
	static CommandCatalogue catalogue() {
		ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		Set<Class<?>> types = new LinkedHashSet<>();
		for (var candidate : scan.findCandidateComponents(DicomregApplication.class.getPackageName())) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), HelpIndexWriter.class.getClassLoader());
			if (CommandCatalogue.declaresCommands(type)) {
				types.add(type);
			}
		}
		return CommandCatalogue.of(types);
	}

	/** Every text by its key, sorted. */
	static TreeMap<String, String> texts(CommandCatalogue catalogue) {
		TreeMap<String, String> texts = new TreeMap<>();
		texts.put(PrintedHelp.OVERVIEW, HelpText.overview(catalogue));
		for (CommandSpec command : catalogue.commands()) {
			String usage = HelpText.usage(command);
			texts.put(PrintedHelp.COMMAND + command.name(), usage);
			command.aliases().forEach(alias -> texts.put(PrintedHelp.COMMAND + alias, usage));
			List<String> words = List.of(command.name().split(" "));
			for (int length = 1; length < words.size(); length++) {
				String prefix = String.join(" ", words.subList(0, length));
				if (catalogue.find(prefix).isEmpty()) {
					texts.put(PrintedHelp.GROUP + prefix, HelpText.list(catalogue.group(prefix)));
				}
			}
		}
		return texts;
	}

	/** The names and aliases of the commands that need a sign-in, and so connect to the tenant, sorted. */
	static TreeSet<String> connecting(CommandCatalogue catalogue) {
		TreeSet<String> names = new TreeSet<>();
		for (CommandSpec command : catalogue.commands()) {
			if (command.needsAvailability()) {
				names.add(command.name());
				names.addAll(command.aliases());
			}
		}
		return names;
	}

	/** A key or value as {@link java.util.Properties#load} reads it back, in UTF-8. */
	private static String escape(String text, boolean key) {
		StringBuilder escaped = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				case '=', ':', '#', '!' -> escaped.append('\\').append(c);
				case ' ' -> escaped.append((key || i == 0) ? "\\ " : " ");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
