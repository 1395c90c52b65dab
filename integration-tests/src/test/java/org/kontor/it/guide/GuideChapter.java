package org.kontor.it.guide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files one chapter of a guide shows: each fenced code block right after a line {@code <!-- file: path -->}, by
 * that path. The chapter runs from its {@code ## } heading to the next one.
 */
final class GuideChapter {

    private static final Pattern FILE = Pattern.compile(
            "<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    private GuideChapter() {
    }

    /**
     * @throws IllegalArgumentException when the chapter is missing, or names a file twice or outside its folder
     */
    static Map<String, String> files(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalArgumentException("the guide has no chapter '" + heading + "'");
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        String chapter = String.join("\n", lines.subList(start, end));
        Map<String, String> files = new LinkedHashMap<>();
        Matcher matcher = FILE.matcher(chapter);
        while (matcher.find()) {
            String path = matcher.group(1);
            if (path.startsWith("/") || path.contains("..")) {
                throw new IllegalArgumentException("the chapter names a file outside the project: " + path);
            }
            if (files.put(path, matcher.group(2) + "\n") != null) {
                throw new IllegalArgumentException("the chapter shows " + path + " twice");
            }
        }
        return files;
    }
}
