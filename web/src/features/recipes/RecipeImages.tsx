import type { imageUploadLimits as contractLimits, RecipeImage } from '@tavola/contracts/images';
import type { Recipe } from '@tavola/contracts/recipes';
import { type FormEvent, useId, useRef, useState } from 'react';
import { describeError, isApiError } from '../../api/api-error';
import { Button, ConfirmDialog, TextField, toast } from '../../ui';
import { srcSetOf, useDeleteImage, useRecipeImages, useUpdateImage, useUploadImage, variantFor } from './recipe-images-api';
import './recipe-photos.css';

/**
 * The server's upload limits (contracts/images.ts), restated so this chunk does not load the
 * contract's runtime (zod); `satisfies` keeps the two in step.
 */
const imageUploadLimits = {
  maxBytes: 10 * 1024 * 1024,
  acceptedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'],
  maxAltLength: 300,
  maxImagesPerRecipe: 30,
} as const satisfies typeof contractLimits;

const coverSizes = '(min-width: 60rem) 57rem, calc(100vw - 2rem)';

/** The cover photo, large, and the other photos as thumbnails that show in its place. Nothing when there are none. */
export function RecipeGallery({ recipe }: { recipe: Recipe }) {
  const images = useRecipeImages(recipe.id);
  const [shownId, setShownId] = useState<string | null>(null);
  const items = images.data?.items ?? [];
  if (items.length === 0) return null;
  const shown = items.find((image) => image.id === shownId) ?? items.find((image) => image.isCover) ?? (items[0] as RecipeImage);
  const fallback = variantFor(shown, 640);
  return (
    <div className="recipe-gallery no-print">
      <figure className="recipe-cover">
        <img
          src={fallback?.url}
          srcSet={srcSetOf(shown)}
          sizes={coverSizes}
          width={shown.width}
          height={shown.height}
          alt={shown.alt ?? ''}
          decoding="async"
        />
        {shown.alt && <figcaption className="visually-hidden">{shown.alt}</figcaption>}
      </figure>
      {items.length > 1 && (
        <ul className="recipe-thumbnails" aria-label="Photos">
          {items.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                className="recipe-thumbnail"
                aria-pressed={image.id === shown.id}
                aria-label={`Show photo ${i + 1}${image.alt ? `: ${image.alt}` : ''}`}
                onClick={() => setShownId(image.id)}
              >
                <img src={variantFor(image, 320)?.url} alt="" width={image.width} height={image.height} loading="lazy" decoding="async" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The author's photo tools: upload (checked here for type and size before it is sent), choose the cover, delete. */
export function ImageManager({ recipe }: { recipe: Recipe }) {
  const images = useRecipeImages(recipe.id);
  const items = images.data?.items ?? [];
  const full = items.length >= imageUploadLimits.maxImagesPerRecipe;
  return (
    <div className="image-manager">
      <h3>Photos</h3>
      {full ? <p className="item__meta">This recipe has the most photos it can have ({imageUploadLimits.maxImagesPerRecipe}).</p> : <UploadForm recipe={recipe} first={items.length === 0} />}
      {items.length > 0 && (
        <ul className="image-manager__list" aria-label="Photos of this recipe">
          {items.map((image, i) => (
            <ImageItem key={image.id} recipeId={recipe.id} image={image} label={`Photo ${i + 1}`} />
          ))}
        </ul>
      )}
    </div>
  );
}

const acceptedTypes: readonly string[] = imageUploadLimits.acceptedTypes;

function checkFile(file: File | undefined): string | null {
  if (!file) return 'Choose a photo to upload.';
  if (file.type && !acceptedTypes.includes(file.type)) return 'Choose a JPEG, PNG, WebP or AVIF image.';
  if (file.size > imageUploadLimits.maxBytes) return 'This photo is larger than 10 MB; choose a smaller one.';
  return null;
}

function UploadForm({ recipe, first }: { recipe: Recipe; first: boolean }) {
  const upload = useUploadImage(recipe.id);
  const fileRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileId = useId();
  const errorId = `${fileId}-error`;
  const serverError = upload.error && isApiError(upload.error) && upload.error.fieldError('alt') ? null : upload.error;
  const fileError = problem ?? (serverError ? describeError(serverError) : null);
  const altError = isApiError(upload.error) ? upload.error.fieldError('alt') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const local = checkFile(file);
    setProblem(local);
    if (local || !file) {
      fileRef.current?.focus();
      return;
    }
    try {
      await upload.mutateAsync({ file, alt });
      setAlt('');
      if (fileRef.current) fileRef.current.value = '';
      toast.success(first ? 'The photo is uploaded and is the cover.' : 'The photo is uploaded.');
    } catch {
      fileRef.current?.focus();
    }
  }

  return (
    <form className="form image-upload" onSubmit={submit} noValidate>
      <div className={['field', fileError && 'field--invalid'].filter(Boolean).join(' ')}>
        <label className="field__label" htmlFor={fileId}>
          Photo
        </label>
        <p className="field__description" id={`${fileId}-description`}>
          JPEG, PNG, WebP or AVIF, up to 10 MB. {first && 'The first photo becomes the cover.'}
        </p>
        {fileError && (
          <p className="field__error" id={errorId} role="alert">
            <span aria-hidden="true">! </span>
            {fileError}
          </p>
        )}
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          className="field__input"
          accept={imageUploadLimits.acceptedTypes.join(',')}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[fileError && errorId, `${fileId}-description`].filter(Boolean).join(' ')}
          onChange={() => setProblem(null)}
        />
      </div>
      <TextField
        label="Describe the photo"
        description="For people who cannot see it, e.g. “Golden pancakes stacked with lemon slices”."
        maxLength={imageUploadLimits.maxAltLength}
        value={alt}
        onChange={(e) => setAlt(e.target.value)}
        error={altError}
      />
      <div className="button-row">
        <Button type="submit" variant="secondary" busy={upload.isPending}>
          Upload photo
        </Button>
      </div>
    </form>
  );
}

function ImageItem({ recipeId, image, label }: { recipeId: string; image: RecipeImage; label: string }) {
  const update = useUpdateImage(recipeId);
  const remove = useDeleteImage(recipeId);
  const [asking, setAsking] = useState(false);
  const name = image.alt ? `${label}: ${image.alt}` : label;
  return (
    <li className="image-manager__item">
      <img src={variantFor(image, 320)?.url} alt="" width={image.width} height={image.height} loading="lazy" />
      <div className="image-manager__details">
        <p className="item__title">
          {label} {image.isCover && <span className="badge badge--success">Cover</span>}
        </p>
        <p className="item__meta">{image.alt ?? 'No description'}</p>
        <div className="button-row">
          {!image.isCover && (
            <Button
              variant="secondary"
              busy={update.isPending}
              onClick={() => update.mutate({ imageId: image.id, change: { isCover: true } }, { onSuccess: () => toast.success(`${label} is the cover now.`) })}
            >
              Make cover<span className="visually-hidden">: {name}</span>
            </Button>
          )}
          <Button variant="quiet" onClick={() => setAsking(true)}>
            Delete<span className="visually-hidden"> {name}</span>
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={asking}
        title={`Delete ${label.toLowerCase()}?`}
        confirmLabel="Delete photo"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(image.id, { onSuccess: () => toast.success(`${label} was deleted.`) })}
        onCancel={() => setAsking(false)}
      >
        <p>{image.isCover ? 'It is the cover; the first of the other photos becomes the cover.' : 'The photo is removed from the recipe.'}</p>
      </ConfirmDialog>
    </li>
  );
}
