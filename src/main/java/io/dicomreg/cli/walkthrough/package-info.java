/**
 * The guided walkthrough: the tutorial's steps one after the other, with prompts, saved progress
 * and a replayable script at the end. Each step calls the same services as the step commands.
 */
package io.dicomreg.cli.walkthrough;
