package dev.docproof.run;

/** What a step printed: both streams as a terminal shows them, and each stream alone. */
public record Output(String merged, String stdout, String stderr) {

    public static final Output NONE = new Output("", "", "");
}
