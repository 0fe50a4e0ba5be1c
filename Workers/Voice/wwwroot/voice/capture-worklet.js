// Cuts the microphone (already at the AudioContext's 16 kHz) into 20 ms PCM16 frames for the call socket,
// with each frame's RMS level for the meter.
class CaptureProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.frame = new Int16Array(options.processorOptions.frameSamples);
    this.filled = 0;
    this.energy = 0;
  }

  process(inputs) {
    const samples = inputs[0] && inputs[0][0];
    if (samples) {
      for (let i = 0; i < samples.length; i++) {
        const s = Math.max(-1, Math.min(1, samples[i]));
        this.frame[this.filled++] = s < 0 ? s * 32768 : s * 32767;
        this.energy += s * s;
        if (this.filled === this.frame.length) {
          const pcm = this.frame.slice().buffer;
          this.port.postMessage({ pcm, rms: Math.sqrt(this.energy / this.filled) }, [pcm]);
          this.filled = 0;
          this.energy = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('capture', CaptureProcessor);
