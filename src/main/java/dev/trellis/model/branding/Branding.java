package dev.trellis.model.branding;

/** The text fields of an organization's branding (seed 002); any may be null. Images are checked apart. */
public record Branding(
    String websiteTitle,
    String documentationUrl,
    String loginHeader,
    String loginSubheader,
    String textColor,
    String backgroundColor) {}
