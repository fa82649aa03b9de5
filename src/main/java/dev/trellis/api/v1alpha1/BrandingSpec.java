package dev.trellis.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/**
 * How the console looks for the organization's users; projected, with the images, into the ConfigMap
 * trellis-branding of its namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BrandingSpec {
  static final String COLOR = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";

  @JsonPropertyDescription("Title in the browser tab.")
  @Size(max = 128)
  private String websiteTitle;

  @JsonPropertyDescription("URL of the documentation site (http or https).")
  @Pattern("^https?://[^\\\\s]+$")
  @Size(max = 2048)
  private String documentationUrl;

  @JsonPropertyDescription("First line of the login page.")
  @Size(max = 256)
  private String loginHeader;

  @JsonPropertyDescription("Second line of the login page.")
  @Size(max = 256)
  private String loginSubheader;

  @JsonPropertyDescription("Colour of the login page's header and sub-header text, as #RRGGBB or #RGB.")
  @Pattern(COLOR)
  private String textColor;

  @JsonPropertyDescription("Colour of the layer around the logo, as #RRGGBB or #RGB.")
  @Pattern(COLOR)
  private String backgroundColor;

  @JsonPropertyDescription(
    "Name of a ConfigMap in the organization's namespace, labelled iam.trellis.dev/branding=images, whose"
        + " binaryData holds the images: logo (PNG or JPG, at most 512x512 px), favicon (PNG or JPG, 128x128 px)"
        + " and backgroundImage (PNG or JPG); each at most 256 KiB, under 10 KiB recommended for logo and favicon.")
  @Pattern(Validation.NAME)
  @Size(max = Validation.NAME_MAX)
  private String imagesConfigMap;

  public String getWebsiteTitle() { return websiteTitle; }
  public void setWebsiteTitle(String websiteTitle) { this.websiteTitle = websiteTitle; }
  public String getDocumentationUrl() { return documentationUrl; }
  public void setDocumentationUrl(String documentationUrl) { this.documentationUrl = documentationUrl; }
  public String getLoginHeader() { return loginHeader; }
  public void setLoginHeader(String loginHeader) { this.loginHeader = loginHeader; }
  public String getLoginSubheader() { return loginSubheader; }
  public void setLoginSubheader(String loginSubheader) { this.loginSubheader = loginSubheader; }
  public String getTextColor() { return textColor; }
  public void setTextColor(String textColor) { this.textColor = textColor; }
  public String getBackgroundColor() { return backgroundColor; }
  public void setBackgroundColor(String backgroundColor) { this.backgroundColor = backgroundColor; }
  public String getImagesConfigMap() { return imagesConfigMap; }
  public void setImagesConfigMap(String imagesConfigMap) { this.imagesConfigMap = imagesConfigMap; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BrandingSpec b)) return false;
    return Objects.equals(websiteTitle, b.websiteTitle) && Objects.equals(documentationUrl, b.documentationUrl)
        && Objects.equals(loginHeader, b.loginHeader) && Objects.equals(loginSubheader, b.loginSubheader)
        && Objects.equals(textColor, b.textColor) && Objects.equals(backgroundColor, b.backgroundColor)
        && Objects.equals(imagesConfigMap, b.imagesConfigMap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(websiteTitle, documentationUrl, loginHeader, loginSubheader, textColor, backgroundColor,
        imagesConfigMap);
  }
}
