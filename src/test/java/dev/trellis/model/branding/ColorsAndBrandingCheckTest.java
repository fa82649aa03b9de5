package dev.trellis.model.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.model.Reasons;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColorsAndBrandingCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {"#1a2b3c", "#1A2B3C", "#fff", "#000000"})
  void acceptsHexColours(String value) {
    assertThat(Colors.valid(value)).isTrue();
    assertThat(Colors.check("spec.branding.textColor", value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"red", "#12345", "#1234567", "1a2b3c", "#ggg", "#1a2b3c ", "", "#"})
  void refusesOtherColours(String value) {
    assertThat(Colors.valid(value)).isFalse();
    assertThat(Colors.check("spec.branding.textColor", value)).get()
        .satisfies(v -> assertThat(v.reason()).isEqualTo(Reasons.INVALID_COLOR));
  }

  @Test
  void colourMessageNamesTheFieldAndTheForm() {
    assertThat(Colors.check("spec.branding.backgroundColor", "blue").get().message())
        .isEqualTo("spec.branding.backgroundColor \"blue\" is not a colour; write #RRGGBB or #RGB, such as #1a2b3c.");
  }

  @Test
  void normalizesToLowerCaseSixDigits() {
    assertThat(Colors.normalize("#AbC")).isEqualTo("#aabbcc");
    assertThat(Colors.normalize("#1A2B3C")).isEqualTo("#1a2b3c");
    assertThatThrownBy(() -> Colors.normalize("red")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void brandingReportsTheFirstProblemAndEveryWarning() {
    Map<ImageKind, byte[]> images = new EnumMap<>(ImageKind.class);
    images.put(ImageKind.LOGO, Images.noise("png", 128, 128));
    images.put(ImageKind.FAVICON, Images.plain("png", 64, 64));
    Branding branding = new Branding("Acme Ops", "https://docs.acme.example", "Welcome", "Sign in", "#fff", "#003366");

    BrandingVerdict v = BrandingCheck.judge(branding, images);

    assertThat(v.verdict().reason()).isEqualTo(Reasons.IMAGE_DIMENSIONS);
    assertThat(v.verdict().message()).startsWith("The favicon is 64×64 px");
    assertThat(v.warnings()).singleElement().asString().startsWith("The logo is ");

    BrandingVerdict badColour = BrandingCheck.judge(
        new Branding(null, null, null, null, "white", null), images);
    assertThat(badColour.verdict().reason()).isEqualTo(Reasons.INVALID_COLOR);
  }

  @Test
  void brandingWithoutImagesOrWithGoodOnesIsValid() {
    Branding branding = new Branding("Acme Ops", null, null, null, null, null);
    assertThat(BrandingCheck.judge(branding, Map.of()).verdict().ready()).isTrue();

    BrandingVerdict v = BrandingCheck.judge(branding, Map.of(ImageKind.LOGO, Images.plain("png", 256, 64),
        ImageKind.FAVICON, Images.plain("jpg", 128, 128), ImageKind.BACKGROUND, Images.plain("jpg", 1440, 900)));
    assertThat(v.verdict().ready()).isTrue();
    assertThat(v.warnings()).isEmpty();
  }

  @Test
  void referencedButMissingImageIsInvalid() {
    Map<ImageKind, byte[]> images = new EnumMap<>(ImageKind.class);
    images.put(ImageKind.LOGO, null);

    assertThat(BrandingCheck.judge(new Branding(null, null, null, null, null, null), images).verdict().message())
        .isEqualTo("The logo is empty; use a PNG or JPEG file.");
  }
}
