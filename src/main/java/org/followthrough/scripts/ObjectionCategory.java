package org.followthrough.scripts;

/** Objections by BANT category (budget, authority, need, timing) or other (R17). */
public enum ObjectionCategory {
    BUDGET,
    AUTHORITY,
    NEED,
    TIMING,
    OTHER
}
