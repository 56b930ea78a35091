import { describe, expect, it } from 'vitest';
import { buildTinyMp4 } from '../../../test/fixtures/tiny-mp4';
import { checkVideo, mp4Tracks, VideoRefused } from './video';

async function refusalOf(bytes: Buffer, max = 1024 * 1024): Promise<string> {
  try {
    await checkVideo(bytes, max);
  } catch (error) {
    if (error instanceof VideoRefused) {
      return error.reason;
    }
    throw error;
  }
  return 'accepted';
}

describe('checkVideo', () => {
  it('accepts the tiny H.264 MP4 unchanged, with its picture size', async () => {
    const mp4 = buildTinyMp4({ width: 48, height: 32 });
    const video = await checkVideo(mp4, 1024 * 1024);
    expect([video.mime, video.width, video.height]).toEqual(['video/mp4', 48, 32]);
    expect(video.bytes.equals(mp4)).toBe(true);
    expect(mp4.length).toBeLessThan(100 * 1024);
  });

  it('finds one video track with an avc1 sample entry', () => {
    expect(mp4Tracks(buildTinyMp4())).toEqual([
      { handler: 'vide', sampleEntry: 'avc1', width: 32, height: 32 },
    ]);
  });

  it('refuses QuickTime, M4V, 3GP and non-video bytes as not MP4', async () => {
    expect(await refusalOf(buildTinyMp4({ brand: 'qt  ' }))).toBe('video_type_refused');
    expect(await refusalOf(buildTinyMp4({ brand: 'M4V ' }))).toBe('video_type_refused');
    expect(await refusalOf(buildTinyMp4({ brand: '3gp4' }))).toBe('video_type_refused');
    expect(await refusalOf(Buffer.from('<html><script>x</script></html>'))).toBe(
      'video_type_refused',
    );
  });

  it('refuses HEVC and VP9 pictures, which not every web view plays', async () => {
    expect(await refusalOf(buildTinyMp4({ sampleEntry: 'hvc1' }))).toBe('video_codec_refused');
    expect(await refusalOf(buildTinyMp4({ sampleEntry: 'vp09' }))).toBe('video_codec_refused');
  });

  it('refuses an MP4 whose boxes claim more bytes than the file has', async () => {
    const mp4 = buildTinyMp4();
    expect(await refusalOf(mp4.subarray(0, 200))).toBe('video_type_refused');
  });

  it('refuses a file over the limit before looking inside', async () => {
    expect(await refusalOf(buildTinyMp4(), 1000)).toBe('payload_too_large');
  });
});
