package io.dicomreg.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What is read once: memos that services fill while a command runs.
 * <ul>
 * <li>A {@linkplain #memo() command memo} is emptied when the next command (a typed line, a one-shot run, a script
 * line) or completion begins: a command never reads the same thing twice.</li>
 * <li>A {@linkplain #scriptMemo() script memo} holds only while a script runs, and across its lines: what one line
 * read, the next does not read again, unless dicomreg wrote it meanwhile (the service that writes evicts it). Nothing
 * else changes a tenant in the moments between two lines of a script; between two commands typed in the shell,
 * someone may have, so a typed command reads afresh.</li>
 * </ul>
 */
public final class CommandScope {

	private final List<Map<?, ?>> commandMemos = new CopyOnWriteArrayList<>();

	private final List<Memo<?, ?>> scriptMemos = new CopyOnWriteArrayList<>();

	private volatile boolean inScript;

	/** A new memo, emptied at the start of every command. */
	public <K, V> Map<K, V> memo() {
		Map<K, V> memo = new ConcurrentHashMap<>();
		this.commandMemos.add(memo);
		return memo;
	}

	/** A new memo that holds across the lines of a script, and nothing outside one. */
	public <K, V> Memo<K, V> scriptMemo() {
		Memo<K, V> memo = new Memo<>(this);
		this.scriptMemos.add(memo);
		return memo;
	}

	/** A command that is not a script's line begins (also a completion): every memo is emptied. */
	public void begin() {
		this.inScript = false;
		this.commandMemos.forEach(Map::clear);
		this.scriptMemos.forEach(Memo::clear);
	}

	/** A line of a script begins: the command memos are emptied, the script memos kept. */
	public void beginScriptLine() {
		this.inScript = true;
		this.commandMemos.forEach(Map::clear);
	}

	/**
	 * A memo that holds values only while a script runs.
	 *
	 * @param <K> the key
	 * @param <V> the value
	 */
	public static final class Memo<K, V> {

		private final CommandScope scope;

		private final Map<K, V> values = new ConcurrentHashMap<>();

		private Memo(CommandScope scope) {
			this.scope = scope;
		}

		/** The value kept for {@code key}, or {@code null}. */
		public V get(K key) {
			return this.scope.inScript ? this.values.get(key) : null;
		}

		/** Keeps {@code value} for {@code key}, when a script runs. */
		public void put(K key, V value) {
			if (this.scope.inScript) {
				this.values.put(key, value);
			}
		}

		/** Forgets the values whose keys match: dicomreg changed what they were read from. */
		public void evict(Predicate<K> keys) {
			this.values.keySet().removeIf(keys);
		}

		void clear() {
			this.values.clear();
		}

	}

}
