package dev.docproof.shell;

/**
 * One option of a command as its help lists it.
 *
 * @param name      the long name without dashes ({@code network}), or null when the option has only a short form
 * @param shortName the one-letter form without its dash, or null
 * @param valueType what its help says the value is ({@code string}, {@code list}, {@code <file>}), null when it takes none
 */
public record CliFlag(String name, String shortName, String valueType) {

    public boolean takesValue() {
        return valueType != null;
    }

    /** How the help writes it: {@code --network}, or {@code -x} for a short-only option. */
    public String spelling() {
        return name != null ? "--" + name : "-" + shortName;
    }
}
