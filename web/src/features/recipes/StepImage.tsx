import type { RecipeImage } from '@tavola/contracts/images';
import { srcSetOf, variantFor } from './recipe-images-api';
import './step-image.css';

/** A step's photo, chosen among the recipe's images; nothing when the step has none or it was deleted. */
export function StepImage({ imageId, images, stepNumber, sizes = '(min-width: 48rem) 24rem, 100vw' }: { imageId?: string | null; images: readonly RecipeImage[]; stepNumber: number; sizes?: string }) {
  const image = imageId ? images.find((candidate) => candidate.id === imageId) : undefined;
  if (!image) return null;
  const fallback = variantFor(image, 640);
  return (
    <img
      className="step-image"
      src={fallback?.url}
      srcSet={srcSetOf(image)}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt || `Step ${stepNumber}`}
      loading="lazy"
      decoding="async"
    />
  );
}
