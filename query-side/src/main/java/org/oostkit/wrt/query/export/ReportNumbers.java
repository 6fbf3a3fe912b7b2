package org.oostkit.wrt.query.export;

/** How the reports and the results pages state numbers, once for both: percentages and chart axis steps. */
public final class ReportNumbers {

    /** A chart's value axis has at most this many intervals. */
    static final int MAX_INTERVALS = 5;

    private ReportNumbers() {
    }

    /** A rate (0..1) as a whole percentage, such as {@code 67%}. */
    public static String percent(double rate) {
        return Math.round(rate * 100) + "%";
    }

    /** 1, 2, 5, 10, 20, 50 … whichever splits 0..max into at most {@value #MAX_INTERVALS} intervals. */
    public static int tickStep(int max) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int factor : new int[]{1, 2, 5}) {
                int step = factor * magnitude;
                if ((max + step - 1) / step <= MAX_INTERVALS) {
                    return step;
                }
            }
        }
    }
}
