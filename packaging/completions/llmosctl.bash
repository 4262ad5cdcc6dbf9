# bash completion for llmosctl(1), installed as /usr/share/bash-completion/completions/llmosctl.
# Written from llmosctl's commands and options (src/Client/llmosctl); keep the two in step.

_llmosctl()
{
    local cur prev words cword
    _init_completion || return

    local global="--socket --bus --json --help --version"
    local commands="status generate embed tasks models ps top capabilities intents intent ask image transcribe voice speak events"

    case $prev in
        --socket)
            _filedir
            return ;;
        --bus)
            COMPREPLY=($(compgen -W "session system" -- "$cur"))
            return ;;
        --labels|--image)
            _filedir
            return ;;
        --speak-to|--output|-o)
            _filedir wav
            return ;;
        --model|-m|--max-tokens|-n|--temperature|-t|--top-p|--seed|--stop|--name|--keep-alive|--interval|-i|--top|\
        --language|-l|--time-zone|--slot|-s|--utterance|-u|--format|--rate|--channels|--voice|--speed|--sample-rate)
            [[ $prev == --format ]] && COMPREPLY=($(compgen -W "s16le s32le f32le u8" -- "$cur"))
            return ;;
    esac

    # The command and sub-command are the first words that are not options or option values.
    local i word command="" sub=""
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        case $word in
            --socket|--bus|--labels|--image|--model|-m|--max-tokens|-n|--temperature|-t|--top-p|--seed|--stop|\
            --name|--keep-alive|--interval|-i|--top|--language|-l|--time-zone|--slot|-s|--utterance|-u|\
            --speak-to|--output|-o|--format|--rate|--channels|--voice|--speed|--sample-rate)
                # --bus may stand alone; the others take the next word.
                [[ $word == --bus && ${words[i+1]} != @(session|system|unix:*) ]] || ((i++)) ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then command=$word
                elif [[ -z $sub ]]; then sub=$word
                fi ;;
        esac
    done

    local options=""
    case $command in
        "")
            COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
            return ;;
        tasks)
            [[ -z $sub ]] && { COMPREPLY=($(compgen -W "list show cancel" -- "$cur")); return; } ;;
        models)
            case $sub in
                "") COMPREPLY=($(compgen -W "list add load unload" -- "$cur")); return ;;
                add) options="--name --default --labels"; [[ $cur != -* ]] && { _filedir '@(gguf|onnx)'; return; } ;;
                load) options="--keep-alive" ;;
            esac ;;
        intents)
            case $sub in
                "") COMPREPLY=($(compgen -W "list show test handlers" -- "$cur")); return ;;
                list|show) options="--language" ;;
                test) options="--language --time-zone" ;;
            esac ;;
        image)
            case $sub in
                "") COMPREPLY=($(compgen -W "classify ocr" -- "$cur")); return ;;
                classify) options="--model --top" ;;
                ocr) options="--language" ;;
            esac
            [[ $cur != -* ]] && { _filedir '@(jpg|jpeg|png|webp|bmp|gif)'; return; } ;;
        generate) options="--model --max-tokens --temperature --top-p --seed --stop" ;;
        embed) options="--model" ;;
        top) options="--interval --once" ;;
        ask) options="--explain --language --time-zone --image" ;;
        intent) options="--slot --utterance" ;;
        transcribe|voice)
            if [[ $command == transcribe ]]; then options="--model --language --format --rate --channels"
            else options="--speak-to --language --time-zone --voice --speed --format --rate --channels"
            fi
            [[ $cur != -* ]] && { _filedir '@(wav|mp3|ogg|opus|raw|pcm)'; return; } ;;
        speak) options="--output --voice --speed --sample-rate" ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options $global" -- "$cur"))
    fi
} &&
    complete -F _llmosctl llmosctl
