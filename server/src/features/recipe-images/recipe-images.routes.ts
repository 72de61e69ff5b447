import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { altFieldSchema, recipeImageListSchema, recipeImageSchema, updateRecipeImageBody, uploadRecipeImageForm } from '@tavola/contracts/images';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { type ZodTypeProvider, validatorCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import { requireUser } from '../../platform/auth/guard.js';
import { AppError } from '../../platform/errors.js';
import * as images from './recipe-images.service.js';

const recipeParams = z.object({ id: z.string().uuid('is not a recipe id') });
const imageParams = recipeParams.extend({ imageId: z.string().uuid('is not an image id') });
const variantParams = z.object({ imageId: z.string().uuid('is not an image id'), width: z.coerce.number().int().min(1).max(10_000) });

const fileRequired = () => new AppError('file_required', 400, 'Add the image as a multipart part named "file"');

/**
 * Zod validation for everything but the body: a multipart body is a stream that readImageUpload
 * reads and checks, while the route's body schema documents the form in OpenAPI.
 */
function validateAllButBody(route: FastifyRouteSchemaDef<unknown>) {
  if (route.httpPart === 'body') return () => ({ value: undefined });
  return validatorCompiler(route as FastifyRouteSchemaDef<ZodType>);
}

/** Multipart errors of @fastify/multipart, as our problem codes. */
function uploadError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('image_too_large', 413, 'Images can be at most 10 MB');
  if (code === 'FST_FILES_LIMIT') return new AppError('one_file_only', 400, 'Upload one image at a time');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('too_many_fields', 400, 'The form has too many fields');
  if (code === 'FST_PROTO_VIOLATION' || code === 'FST_MP_PREMATURE_CLOSE') return new AppError('bad_upload', 400, 'The upload could not be read');
  return error;
}

/** Reads the form: the `file` part into memory (cut off by the multipart limits) and the `alt` field. */
async function readImageUpload(request: FastifyRequest): Promise<images.ImageUpload> {
  if (!request.isMultipart()) throw new AppError('multipart_required', 415, 'Send the image as multipart/form-data');
  let bytes: Buffer | undefined;
  let alt: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const file = part as MultipartFile;
        if (file.fieldname === 'file') bytes = await file.toBuffer();
        else file.file.resume();
      } else if (part.fieldname === 'alt') {
        alt = String((part as MultipartValue).value);
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  if (!bytes || bytes.length === 0) throw fileRequired();
  const parsedAlt = altFieldSchema.safeParse(alt ?? '');
  if (!parsedAlt.success) {
    throw new AppError('validation_failed', 400, 'The form has invalid fields', [{ field: 'alt', message: parsedAlt.error.issues[0]?.message ?? 'is invalid' }]);
  }
  return { bytes, alt: parsedAlt.data || null };
}

export function registerRecipeImageRoutes(app: FastifyInstance, deps: images.RecipeImagesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const viewer = (request: FastifyRequest) => request.auth?.user.id ?? null;

  r.post(
    '/api/recipes/:id/images',
    {
      schema: {
        tags: ['recipe images'],
        consumes: ['multipart/form-data'],
        body: uploadRecipeImageForm,
        params: recipeParams,
        response: { 201: recipeImageSchema },
      },
      validatorCompiler: validateAllButBody,
    },
    async (request, reply) => {
      const user = requireUser(request);
      const image = await images.uploadRecipeImage(deps, user.id, request.params.id, () => readImageUpload(request));
      return reply.status(201).send(image);
    },
  );

  r.get('/api/recipes/:id/images', { schema: { tags: ['recipe images'], params: recipeParams, response: { 200: recipeImageListSchema } } }, async (request) => ({
    items: await images.listRecipeImages(deps, viewer(request), request.params.id),
  }));

  r.patch(
    '/api/recipes/:id/images/:imageId',
    { schema: { tags: ['recipe images'], params: imageParams, body: updateRecipeImageBody, response: { 200: recipeImageSchema } } },
    async (request) => images.updateRecipeImage(deps, requireUser(request).id, request.params.id, request.params.imageId, request.body),
  );

  r.delete('/api/recipes/:id/images/:imageId', { schema: { tags: ['recipe images'], params: imageParams, response: { 204: z.null() } } }, async (request, reply) => {
    await images.deleteRecipeImage(deps, requireUser(request).id, request.params.id, request.params.imageId);
    return reply.status(204).send(null);
  });

  r.get(
    '/api/images/:imageId/:width.webp',
    { schema: { tags: ['recipe images'], params: variantParams, produces: ['image/webp'], description: 'One WebP variant; the recipe’s visibility applies on every read.' } },
    async (request, reply) => {
      const ifNoneMatch = request.headers['if-none-match'];
      const opened = await images.openVariant(deps, viewer(request), request.params.imageId, request.params.width, ifNoneMatch);
      reply.header('cache-control', opened.cacheControl).header('etag', opened.etag).header('x-content-type-options', 'nosniff');
      if ('notModified' in opened) return reply.status(304).send();
      return reply.type('image/webp').header('content-length', opened.size).send(opened.stream);
    },
  );
}
