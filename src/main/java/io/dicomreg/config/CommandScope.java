package io.dicomreg.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What is read once per command: memos that a service fills while one command (a typed line, a script line, a
 * one-shot run) runs, and that are emptied when the next begins, so that a command never reads the same thing twice
 * and never sees what an earlier command read (someone may have changed it since).
 */
public final class CommandScope {

	private final List<Map<?, ?>> memos = new CopyOnWriteArrayList<>();

	/** A new memo, emptied at the start of every command. */
	public <K, V> Map<K, V> memo() {
		Map<K, V> memo = new ConcurrentHashMap<>();
		this.memos.add(memo);
		return memo;
	}

	/** A command begins: every memo is emptied. */
	public void begin() {
		this.memos.forEach(Map::clear);
	}

}
