package dev.trellis.model.branding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.model.Reasons;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BrandingImagesTest {

  @Test
  void smallLogoWithinBoundsIsAccepted() {
    ImageCheck c = BrandingImages.check(ImageKind.LOGO, Images.plain("png", 400, 512));

    assertThat(c.verdict().ready()).isTrue();
    assertThat(c.verdict().message()).isEqualTo("The logo is a 400×512 px PNG image.");
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void jpegLogoIsAccepted() {
    assertThat(BrandingImages.check(ImageKind.LOGO, Images.plain("jpg", 512, 128)).verdict().ready()).isTrue();
  }

  @Test
  void logoWiderOrTallerThan512IsRefused() {
    ImageCheck wide = BrandingImages.check(ImageKind.LOGO, Images.plain("png", 600, 200));
    ImageCheck tall = BrandingImages.check(ImageKind.LOGO, Images.plain("png", 200, 513));

    assertThat(wide.verdict().reason()).isEqualTo(Reasons.IMAGE_DIMENSIONS);
    assertThat(wide.verdict().message()).isEqualTo("The logo is 600×200 px; a logo may be at most 512×512 px.");
    assertThat(tall.verdict().reason()).isEqualTo(Reasons.IMAGE_DIMENSIONS);
    assertThat(wide.info().width()).isEqualTo(600);
  }

  @Test
  void faviconMustBe128Square() {
    assertThat(BrandingImages.check(ImageKind.FAVICON, Images.plain("png", 128, 128)).verdict().ready()).isTrue();
    ImageCheck small = BrandingImages.check(ImageKind.FAVICON, Images.plain("png", 64, 64));
    ImageCheck oblong = BrandingImages.check(ImageKind.FAVICON, Images.plain("jpg", 128, 96));

    assertThat(small.verdict().reason()).isEqualTo(Reasons.IMAGE_DIMENSIONS);
    assertThat(small.verdict().message()).isEqualTo("The favicon is 64×64 px; a favicon must be square, 128×128 px.");
    assertThat(oblong.verdict().reason()).isEqualTo(Reasons.IMAGE_DIMENSIONS);
  }

  @Test
  void logoAboveTheRecommendedSizeIsAcceptedWithAWarning() {
    byte[] png = Images.noise("png", 128, 128);
    assertThat(png.length).isBetween(ImageKind.RECOMMENDED_BYTES + 1, ImageKind.MAX_BYTES);

    ImageCheck c = BrandingImages.check(ImageKind.LOGO, png);

    assertThat(c.verdict().ready()).isTrue();
    assertThat(c.warnings()).singleElement().asString()
        .startsWith("The logo is ").endsWith(" KiB; less than 10 KiB is recommended.");
  }

  @Test
  void backgroundHasNoDimensionRuleNorSizeWarning() {
    ImageCheck c = BrandingImages.check(ImageKind.BACKGROUND, Images.noise("jpg", 1440, 90));

    assertThat(c.verdict().ready()).isTrue();
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void imageAboveTheHardLimitIsRefusedBeforeItIsRead() {
    byte[] png = Images.plain("png", 16, 16);
    byte[] huge = Arrays.copyOf(png, ImageKind.MAX_BYTES + 1);

    ImageCheck c = BrandingImages.check(ImageKind.BACKGROUND, huge);

    assertThat(c.verdict().reason()).isEqualTo(Reasons.IMAGE_TOO_LARGE);
    assertThat(c.verdict().message()).isEqualTo("The background image is 256.0 KiB; an image may be at most 256 KiB.");
    assertThat(BrandingImages.check(ImageKind.LOGO, Images.noise("png", 512, 512)).verdict().reason())
        .isEqualTo(Reasons.IMAGE_TOO_LARGE);
  }

  @Test
  void malformedBytesAreAnInvalidImage() {
    ImageCheck gif = BrandingImages.check(ImageKind.LOGO, "GIF89a".getBytes());
    ImageCheck empty = BrandingImages.check(ImageKind.FAVICON, new byte[0]);
    byte[] png = Images.plain("png", 32, 32);
    ImageCheck truncated = BrandingImages.check(ImageKind.LOGO, Arrays.copyOf(png, png.length / 2));

    assertThat(gif.verdict().reason()).isEqualTo(Reasons.INVALID_IMAGE);
    assertThat(gif.verdict().message()).isEqualTo("The logo is not a PNG or JPEG image; use a PNG or JPEG file.");
    assertThat(gif.info()).isNull();
    assertThat(empty.verdict().message()).isEqualTo("The favicon is empty; use a PNG or JPEG file.");
    assertThat(truncated.verdict().message()).isEqualTo("The logo is a truncated PNG image; use a PNG or JPEG file.");
  }

  @Test
  void kibIsPrintedWithOneDecimalWhenNotWhole() {
    assertThat(BrandingImages.kib(10 * 1024)).isEqualTo("10 KiB");
    assertThat(BrandingImages.kib(14_541)).isEqualTo("14.2 KiB");
  }
}
