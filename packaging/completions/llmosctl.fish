# fish completion for llmosctl(1), installed as /usr/share/fish/vendor_completions.d/llmosctl.fish.
# Written from llmosctl's commands and options (src/Client/llmosctl); keep the two in step.

set -l commands status generate embed tasks models ps top capabilities intents intent ask image transcribe voice speak events
complete -c llmosctl -f

# Options every command takes.
complete -c llmosctl -l socket -r -F -d 'The daemon socket'
complete -c llmosctl -l bus -a 'session system' -d 'Reach the daemon over D-Bus'
complete -c llmosctl -l json -d 'Print machine-readable JSON'
complete -c llmosctl -s h -l help -d 'Show help and usage information'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show version information'

complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a status -d "Show the daemon's state"
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a generate -d 'Generate text with a local language model'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a embed -d 'Turn texts into sentence-embedding vectors'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a tasks -d 'List, show and cancel tasks'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a models -d 'List, add, load and unload models'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a ps -d 'Show the loaded models'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a top -d 'Show queue, tasks, token rate and models, live'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a capabilities -d 'Show what the daemon can do'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a intents -d 'The intents llmosd understands'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a intent -d 'Hand an intent to the app registered for it'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a ask -d 'Ask llmosd in words'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a image -d 'Say what is in an image, or read its text'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a transcribe -d 'Write down the words spoken in an audio file'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a voice -d 'Say what you want: a spoken command'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a speak -d 'Say a text aloud into a WAV file'
complete -c llmosctl -n "not __fish_seen_subcommand_from $commands" -a events -d 'Follow your timers and reminders'

# generate, embed
complete -c llmosctl -n '__fish_seen_subcommand_from generate embed' -s m -l model -x -d 'Model name'
complete -c llmosctl -n '__fish_seen_subcommand_from generate' -s n -l max-tokens -x -d 'Most tokens to generate'
complete -c llmosctl -n '__fish_seen_subcommand_from generate' -s t -l temperature -x -d '0 = greedy, up to 2'
complete -c llmosctl -n '__fish_seen_subcommand_from generate' -l top-p -x -d 'Nucleus sampling mass'
complete -c llmosctl -n '__fish_seen_subcommand_from generate' -l seed -x -d 'Sampling seed'
complete -c llmosctl -n '__fish_seen_subcommand_from generate' -l stop -x -d 'Stop before this text'

# tasks
set -l tasks_commands list show cancel
complete -c llmosctl -n "__fish_seen_subcommand_from tasks; and not __fish_seen_subcommand_from $tasks_commands" -a list -d 'List your tasks'
complete -c llmosctl -n "__fish_seen_subcommand_from tasks; and not __fish_seen_subcommand_from $tasks_commands" -a show -d 'Show one task'
complete -c llmosctl -n "__fish_seen_subcommand_from tasks; and not __fish_seen_subcommand_from $tasks_commands" -a cancel -d 'Cancel a task'

# models
set -l models_commands list add load unload
complete -c llmosctl -n "__fish_seen_subcommand_from models; and not __fish_seen_subcommand_from $models_commands" -a list -d 'List the models'
complete -c llmosctl -n "__fish_seen_subcommand_from models; and not __fish_seen_subcommand_from $models_commands" -a add -d 'Register a model file'
complete -c llmosctl -n "__fish_seen_subcommand_from models; and not __fish_seen_subcommand_from $models_commands" -a load -d 'Load a model now'
complete -c llmosctl -n "__fish_seen_subcommand_from models; and not __fish_seen_subcommand_from $models_commands" -a unload -d 'Unload a model'
complete -c llmosctl -n '__fish_seen_subcommand_from models; and __fish_seen_subcommand_from add' -F -a '*.gguf *.onnx'
complete -c llmosctl -n '__fish_seen_subcommand_from models; and __fish_seen_subcommand_from add' -l name -x -d 'Name to register it under'
complete -c llmosctl -n '__fish_seen_subcommand_from models; and __fish_seen_subcommand_from add' -l default -d 'Make it the default model'
complete -c llmosctl -n '__fish_seen_subcommand_from models; and __fish_seen_subcommand_from add' -l labels -r -F -d "An image classifier's labels"
complete -c llmosctl -n '__fish_seen_subcommand_from models; and __fish_seen_subcommand_from load' -l keep-alive -x -d 'Seconds to keep it loaded'

# top
complete -c llmosctl -n '__fish_seen_subcommand_from top' -s i -l interval -x -d 'Seconds between refreshes'
complete -c llmosctl -n '__fish_seen_subcommand_from top' -l once -d 'Print one frame and exit'

# intents, intent, ask
set -l intents_commands list show test handlers
complete -c llmosctl -n "__fish_seen_subcommand_from intents; and not __fish_seen_subcommand_from $intents_commands" -a list -d 'List the intents'
complete -c llmosctl -n "__fish_seen_subcommand_from intents; and not __fish_seen_subcommand_from $intents_commands" -a show -d 'Show one intent'
complete -c llmosctl -n "__fish_seen_subcommand_from intents; and not __fish_seen_subcommand_from $intents_commands" -a test -d 'Show what an utterance would be recognised as'
complete -c llmosctl -n "__fish_seen_subcommand_from intents; and not __fish_seen_subcommand_from $intents_commands" -a handlers -d 'List the app intent handlers'
complete -c llmosctl -n '__fish_seen_subcommand_from intents ask; or __fish_seen_subcommand_from ocr' -s l -l language -x -d 'The language'
complete -c llmosctl -n '__fish_seen_subcommand_from test ask' -l time-zone -x -d 'Your time zone (IANA id)'
complete -c llmosctl -n '__fish_seen_subcommand_from ask' -l explain -d "Show each recogniser's candidates and scores"
complete -c llmosctl -n '__fish_seen_subcommand_from ask' -l image -r -F -d 'An image the request is about'
complete -c llmosctl -n '__fish_seen_subcommand_from intent' -s s -l slot -x -d 'A slot value, name=value'
complete -c llmosctl -n '__fish_seen_subcommand_from intent' -s u -l utterance -x -d 'The words the user said'

# image
complete -c llmosctl -n "__fish_seen_subcommand_from image; and not __fish_seen_subcommand_from classify ocr" -a classify -d 'Say what is in an image'
complete -c llmosctl -n "__fish_seen_subcommand_from image; and not __fish_seen_subcommand_from classify ocr" -a ocr -d 'Read the text in an image'
complete -c llmosctl -n '__fish_seen_subcommand_from classify ocr' -F
complete -c llmosctl -n '__fish_seen_subcommand_from classify' -s m -l model -x -d 'Vision model name'
complete -c llmosctl -n '__fish_seen_subcommand_from classify' -l top -x -d 'How many labels to print'

# transcribe, voice, speak
complete -c llmosctl -n '__fish_seen_subcommand_from transcribe voice' -F
complete -c llmosctl -n '__fish_seen_subcommand_from transcribe' -s m -l model -x -d 'Speech model name'
complete -c llmosctl -n '__fish_seen_subcommand_from transcribe voice' -s l -l language -x -d 'The spoken language'
complete -c llmosctl -n '__fish_seen_subcommand_from transcribe voice' -l format -x -a 's16le s32le f32le u8' -d 'The audio is raw PCM in this format'
complete -c llmosctl -n '__fish_seen_subcommand_from transcribe voice' -l rate -x -d 'Raw PCM sample rate in Hz'
complete -c llmosctl -n '__fish_seen_subcommand_from transcribe voice' -l channels -x -d 'Raw PCM channel count'
complete -c llmosctl -n '__fish_seen_subcommand_from voice' -l speak-to -r -F -d 'Also write the reply spoken to this WAV file'
complete -c llmosctl -n '__fish_seen_subcommand_from voice' -l time-zone -x -d 'Your time zone (IANA id)'
complete -c llmosctl -n '__fish_seen_subcommand_from voice speak' -l voice -x -d 'The espeak-ng voice'
complete -c llmosctl -n '__fish_seen_subcommand_from voice speak' -l speed -x -d 'Words per minute'
complete -c llmosctl -n '__fish_seen_subcommand_from speak' -s o -l output -r -F -d 'The WAV file to write'
complete -c llmosctl -n '__fish_seen_subcommand_from speak' -l sample-rate -x -a '16000 22050' -d 'The WAV sample rate'
