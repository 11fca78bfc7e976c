package dev.locreview.reading;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.io.IOUtil;

/**
 * Traditional characters read as their simplified forms, one character for one (HanLP's t2s table, its
 * one-to-one entries in the Basic Multilingual Plane), so a reason typed in Taiwan or Hong Kong meets the same
 * words and cues and every offset stays where it was. Regional words (計程車, 捷運) are word families in
 * concepts.yaml, not conversions.
 */
final class Simplified {

    private static final char[] TABLE = table();

    private Simplified() {
    }

    static char of(char c) { return TABLE[c]; }

    private static char[] table() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) {
            table[c] = (char) c;
        }
        String file = HanLP.Config.tcDictionaryRoot + "t2s.txt";
        var lines = IOUtil.readLineListWithLessMemory(file);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalStateException("HanLP's " + file + " is missing from the classpath");
        }
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq == 1 && line.length() == 3) {
                table[line.charAt(0)] = line.charAt(2);
            }
        }
        return table;
    }
}
